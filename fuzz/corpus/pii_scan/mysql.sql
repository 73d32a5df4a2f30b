CREATE TABLE `u` (`id` int, `email` text, `tel` text, `card` text, `memo` text);
INSERT INTO `u` VALUES (1,'a@example.jp','090-1234-5678','4111111111111111','it\'s ''ok'''),(2,NULL,0x1F,X'00',_binary 'b');
INSERT INTO u (id, memo) VALUES (3, 'unterminated
