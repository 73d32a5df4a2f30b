<%@ Page Language="C#" %><% // An avatar upload saved under a generated name.
if (Request.Files.Count > 0) { var name = System.Guid.NewGuid().ToString("N") + ".png"; Request.Files[0].SaveAs(Server.MapPath("~/avatars/") + name); } %>
