package org.fogcompute.webconsole.internal;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.fogcompute.api.FogException;
import org.fogcompute.api.store.StoreUnavailableException;

/**
 * One page of the "Fog" category of the Felix Web Console, registered as a plain {@code Servlet} service with the
 * {@code felix.webconsole.*} properties. The console wraps a GET of an HTML address in its own frame and login and
 * hands any other request (the actions' POSTs, the {@code .json} feeds) to the servlet as it is.
 *
 * <p>Actions are forms posted to the page: checked for their CSRF token, carried out, and answered with a redirect
 * back to the page, whose next rendering shows the outcome once.
 */
public abstract class ConsolePage extends HttpServlet {
    static final String CATEGORY = "Fog";
    private static final Pattern RESOURCE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern SAFE_QUERY = Pattern.compile("[A-Za-z0-9=&%._:~+-]*");
    private static final long serialVersionUID = 1L;
    /** The largest form a page takes; the largest real one, a task submission, is well under 1 KiB. */
    static final long MAX_FORM_BYTES = 64 * 1024;

    private final String label;
    private final transient CsrfGuard csrf;
    private final transient Flash flash;

    ConsolePage(String label, CsrfGuard csrf, Flash flash) {
        this.label = label;
        this.csrf = csrf;
        this.flash = flash;
    }

    /** Writes the page's content (the console draws the frame around it). */
    abstract void render(HttpServletRequest request, Html html, Context context);

    /**
     * Carries out {@code action} and returns what to tell the user.
     * @throws FogException or IllegalArgumentException for a request that cannot be done, shown as an error
     */
    String act(String action, HttpServletRequest request) {
        throw new IllegalArgumentException("unknown action " + action);
    }

    /** The body of {@code <label>/<name>.json}, or null when the page has no such feed. */
    String json(String name, HttpServletRequest request) {
        return null;
    }

    /**
     * Called by the console (by reflection, by this name) for addresses under {@code /<label>/res/}: the page's
     * scripts, styles and the bundled chart library.
     */
    public URL getResource(String path) {
        String prefix = "/" + label + "/res/";
        if (path == null || !path.startsWith(prefix)) {
            return null;
        }
        String name = path.substring(prefix.length());
        return RESOURCE_NAME.matcher(name).matches() ? ConsolePage.class.getResource("/webconsole/res/" + name) : null;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String uri = request.getRequestURI();
        if (uri.endsWith(".json")) {
            String name = uri.substring(uri.lastIndexOf('/') + 1, uri.length() - ".json".length());
            String body = json(name, request);
            if (body == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "no feed " + name + ".json");
                return;
            }
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write(body);
            return;
        }
        Context context = new Context(pluginRoot(request), csrf.tokenFor(request));
        Html html = new Html();
        html.raw("<link rel=\"stylesheet\" href=\"").text(context.root() + "/res/fog.css").raw("\">");
        html.raw("<div class=\"fog-page\" id=\"fog-").text(label).raw("\">");
        Flash.Message message = flash.take(user(request));
        if (message != null) {
            html.raw(message.error() ? "<p class=\"fog-flash fog-error\" role=\"alert\">"
                    : "<p class=\"fog-flash fog-ok\" role=\"status\">").text(message.text()).raw("</p>");
        }
        Html content = new Html();
        try {
            render(request, content, context);
        } catch (FogException | IllegalArgumentException e) {
            content = new Html().raw("<p class=\"fog-flash fog-error\" role=\"alert\">").text(e.getMessage())
                    .raw("</p>");
        }
        html.raw(content.toString());
        html.raw("</div><script src=\"").text(context.root() + "/res/fog.js").raw("\"></script>");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(html.toString());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        if (request.getContentLengthLong() > MAX_FORM_BYTES) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "refused: a console form is at most "
                    + MAX_FORM_BYTES + " bytes, this one has " + request.getContentLengthLong());
            return;
        }
        String user = user(request);
        String refusal;
        try {
            refusal = csrf.refusal(request, user);
        } catch (IllegalStateException | IllegalArgumentException unreadable) {
            // the container could not read the form: too large without a declared length, or malformed
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "refused: the form cannot be read ("
                    + unreadable.getMessage() + ")");
            return;
        }
        if (refusal != null) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, refusal);
            return;
        }
        String action = request.getParameter("action");
        try {
            if (action == null || action.isBlank()) {
                throw new IllegalArgumentException("the form names no action");
            }
            flash.put(user, act(action, request), false);
        } catch (StoreUnavailableException e) {
            flash.put(user, "Not done, the database is unavailable: " + e.getMessage(), true);
        } catch (FogException | IllegalArgumentException e) {
            flash.put(user, "Not done: " + e.getMessage(), true);
        }
        String back = request.getParameter("back");
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", pluginRoot(request)
                + (back != null && !back.isEmpty() && SAFE_QUERY.matcher(back).matches() ? "?" + back : ""));
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.setStatus(status);
        response.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
    }

    /** The page's own address, e.g. {@code /system/console/fog-nodes}. */
    String pluginRoot(HttpServletRequest request) {
        return request.getContextPath() + request.getServletPath() + "/" + label;
    }

    static String user(HttpServletRequest request) {
        String user = request.getRemoteUser();
        if (user == null) {
            Object attribute = request.getAttribute("org.osgi.service.http.authentication.remote.user");
            user = attribute == null ? "" : attribute.toString();
        }
        return user;
    }

    /** What the rendering of one request needs: the page's address and the CSRF token for its forms. */
    record Context(String root, String csrfToken) {
        /** The address of another Fog page. */
        String page(String label) {
            return root.substring(0, root.lastIndexOf('/') + 1) + label;
        }

        /**
         * A form posting {@code action} to this page with one button; {@code fields} are extra hidden name/value
         * pairs; {@code confirm} (may be null) is asked before sending.
         */
        void button(Html html, String action, String label, String back, String confirm, String... fields) {
            html.raw("<form method=\"post\" class=\"fog-inline\" action=\"").text(root).raw("\"");
            if (confirm != null) {
                html.raw(" data-confirm=\"").text(confirm).raw("\"");
            }
            html.raw(">");
            hiddenFields(html, action, back);
            for (int i = 0; i + 1 < fields.length; i += 2) {
                html.hidden(fields[i], fields[i + 1]);
            }
            html.raw("<button type=\"submit\" class=\"ui-state-default ui-corner-all\" data-action=\"").text(action)
                    .raw("\">").text(label).raw("</button></form>");
        }

        void hiddenFields(Html html, String action, String back) {
            html.hidden(CsrfGuard.FIELD, csrfToken).hidden("action", action);
            if (back != null) {
                html.hidden("back", back);
            }
        }
    }
}
