<%@ Page Language="C#" %>
<% shodo inert sample: deliberate compile error, this page never runs %>
<%# Eval("Name") %> <%= Request.QueryString["q"] %>
