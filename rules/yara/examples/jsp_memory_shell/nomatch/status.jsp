<%@ page import="org.apache.catalina.core.StandardContext" %><% // An admin status page: reads the context, registers nothing, runs nothing.
Object ctx = application.getAttribute("org.apache.catalina.core.StandardContext"); out.print(ctx == null ? "n/a" : ctx.toString()); %>
