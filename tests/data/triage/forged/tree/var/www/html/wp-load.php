<?php /* inert stand-in */
