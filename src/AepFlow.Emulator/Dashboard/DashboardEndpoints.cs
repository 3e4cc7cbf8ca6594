using AepFlow.Emulator.Endpoints;
using AepFlow.Emulator.Gateway;

namespace AepFlow.Emulator.Dashboard;

/// <summary>
/// <c>GET /</c>, the dashboard, and <c>GET /__emulator/dashboard</c>, its content for the refresh script. Both need the admin
/// key: opening <see cref="AepEmulator.DashboardAddress"/> (<c>/?adminKey=…</c>) sets it as an HttpOnly, same-site cookie and
/// redirects to <c>/</c>, so the key does not stay in the address bar.
/// </summary>
internal static class DashboardEndpoints
{
    // The page runs only its own inline script and fetches only from this origin.
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", Page);
        app.MapGet(AdminEndpoints.BasePath + "/dashboard", (HttpContext http, EmulatorState state, RequestLog log) =>
            Html(http, DashboardPage.Content(state, log)));
    }

    private static IResult Page(HttpContext http, EmulatorState state, RequestLog log)
    {
        var key = http.Request.Query[AdminKeyMiddleware.QueryName].ToString();
        if (key.Length > 0)
        {
            if (!AdminKeyMiddleware.Matches(key, state.AdminKey))
            {
                return Refused(http);
            }

            http.Response.Cookies.Append(AdminKeyMiddleware.CookieName, key, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                IsEssential = true,
            });
            return Results.Redirect("/");
        }

        return AdminKeyMiddleware.IsAuthorized(http, state.AdminKey)
            ? Html(http, DashboardPage.Document(state, log))
            : Refused(http);
    }

    private static IResult Html(HttpContext http, string html)
    {
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static IResult Refused(HttpContext http)
    {
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return Results.Content(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>AepFlow emulator</title></head><body>"
            + "<p>The dashboard needs the emulator's admin key: open the Dashboard address <code>aepflow emulator</code> printed "
            + "(it ends in <code>?adminKey=…</code>).</p></body></html>",
            "text/html; charset=utf-8",
            statusCode: StatusCodes.Status401Unauthorized);
    }
}
