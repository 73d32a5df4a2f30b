#!/bin/sh
echo inert
