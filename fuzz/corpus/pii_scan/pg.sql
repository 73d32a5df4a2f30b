--
-- PostgreSQL database dump
--
COPY public.t (id, email, phone) FROM stdin;
1	b@example.com	\N
2	c@example.com	+81-90-1234-5678
\.
