using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using LineBot.Webhook;

namespace LineBot.Events;

/// <summary>The webhook route for ASP.NET Core hosts (<c>linebot serve</c>); Functions has its own trigger class.</summary>
internal static class WebhookEndpoints
{
    public const string Route = "/api/line/webhook";

    public static IEndpointRouteBuilder MapLineWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, (HttpContext http, WebhookIngress ingress, CancellationToken cancellationToken) => HandleAsync(http, ingress, cancellationToken));
        app.MapGet("/api/health", () => Results.Text("ok"));
        return app;
    }

    /// <summary>
    /// The request → <see cref="WebhookIngress"/> → response step of <c>linebot serve</c>. The Functions app's
    /// <c>WebhookFunction</c> does the same in its own few lines (it answers with an <c>IActionResult</c>).
    /// </summary>
    public static async Task<IResult> HandleAsync(HttpContext http, WebhookIngress ingress, CancellationToken cancellationToken)
    {
        // Header lookup in ASP.NET Core is case-insensitive, as LINE's header case may change.
        var signature = http.Request.Headers[SignatureValidator.HeaderName].ToString();
        var result = await ingress.HandleAsync(
            http.Request.Body,
            http.Request.ContentLength,
            string.IsNullOrEmpty(signature) ? null : signature,
            cancellationToken);
        return Results.Text(result.Reason, statusCode: result.StatusCode);
    }
}
