using System.Security.Cryptography;
using System.Text;
using AepFlow.Emulator.Errors;

namespace AepFlow.Emulator.Gateway;

/// <summary>
/// Guards the emulator's own endpoints (<c>/__emulator/*</c> and the dashboard): they read every request body and can wipe
/// all state, so they need the admin key — in the <c>x-emulator-admin-key</c> header, or in the cookie the dashboard sets
/// after it was opened once with <c>?adminKey=</c>. Only <c>/__emulator/health</c> is open, for readiness probes.
/// </summary>
internal sealed class AdminKeyMiddleware(RequestDelegate next, EmulatorState state, ILogger<AdminKeyMiddleware> logger)
{
    public const string HeaderName = "x-emulator-admin-key";
    public const string CookieName = "aepflow-emulator-admin";
    public const string QueryName = "adminKey";

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsAuthorized(context, state.AdminKey))
        {
            await next(context);
            return;
        }

        logger.LogInformation("401 for {Method} {Path}: no valid admin key", context.Request.Method, context.Request.Path);
        await AepErrors.Gateway(
                StatusCodes.Status401Unauthorized,
                "401100",
                $"The emulator's admin endpoints need its admin key (printed at start) in the {HeaderName} header.")
            .ExecuteAsync(context);
    }

    public static bool IsAuthorized(HttpContext context, string adminKey)
    {
        var request = context.Request;
        return Matches(request.Headers[HeaderName].ToString(), adminKey)
            || Matches(request.Cookies[CookieName], adminKey);
    }

    /// <summary>Compares in constant time so the key cannot be guessed byte by byte from timings.</summary>
    public static bool Matches(string? candidate, string adminKey) =>
        !string.IsNullOrEmpty(candidate)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(adminKey));
}
