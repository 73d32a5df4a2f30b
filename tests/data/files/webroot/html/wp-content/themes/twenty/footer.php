<!-- shodo inert sample -->
<footer>(c) shop</footer>
<div style="position:absolute;left:-9999px"><a href="https://pills0.example/">cheap viagra 0</a> <a href="https://pills1.example/">cheap viagra 1</a> <a href="https://pills2.example/">cheap viagra 2</a> <a href="https://pills3.example/">cheap viagra 3</a> <a href="https://pills4.example/">cheap viagra 4</a> <a href="https://pills5.example/">cheap viagra 5</a> <a href="https://pills6.example/">cheap viagra 6</a> <a href="https://pills7.example/">cheap viagra 7</a> </div>
