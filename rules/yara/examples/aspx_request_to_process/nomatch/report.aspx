<%@ Page Language="C#" %>
<% shodo inert sample: deliberate compile error, this page never runs %>
<% var psi = new System.Diagnostics.ProcessStartInfo("wkhtmltopdf", "report.html out.pdf");
System.Diagnostics.Process.Start(psi); var id = Request.QueryString["id"]; %>
