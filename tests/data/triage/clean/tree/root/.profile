if [ "$BASH" ]; then . ~/.bashrc; fi
