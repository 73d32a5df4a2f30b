<%@ Page Language="C#" %>
<% shodo inert sample: deliberate compile error, this page never runs %>
<% var a = Assembly.Load("MyCompany.Plugins"); %>
