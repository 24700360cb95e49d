package org.fogcompute.webconsole.internal;

import java.io.IOException;
import java.io.InputStream;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;

/**
 * The icon Karaf's web console branding links to ({@code res/karaf/imgs/favicon.ico}) is missing from Karaf 4.4.10,
 * so every console page logged a failed request in the browser console. Served here on its exact path, which wins
 * over the console's own prefix.
 */
@Component(service = Servlet.class,
        property = "osgi.http.whiteboard.servlet.pattern=/system/console/res/karaf/imgs/favicon.ico")
public final class ConsoleFavicon extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (InputStream icon = ConsoleFavicon.class.getResourceAsStream("/webconsole/res/favicon.ico")) {
            if (icon == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType("image/x-icon");
            response.setHeader("Cache-Control", "max-age=86400");
            icon.transferTo(response.getOutputStream());
        }
    }
}
