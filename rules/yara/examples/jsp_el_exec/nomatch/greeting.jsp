<%@ page isELIgnored="false" %><p>Hello, ${fn:escapeXml(param.name)}</p><p>${pageContext.request.contextPath}</p>
