using LineBot.Events;
using LineBot.Webhook;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LineBot.Functions;

/// <summary>POST /api/line/webhook: raw bytes → signature → enqueue → 200 (all in core).</summary>
internal sealed class WebhookFunction(WebhookIngress ingress)
{
    [Function("LineWebhook")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "line/webhook")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var signature = request.Headers[SignatureValidator.HeaderName].ToString();
        var result = await ingress.HandleAsync(request.Body, request.ContentLength, signature.Length == 0 ? null : signature, cancellationToken);
        return new ContentResult { StatusCode = result.StatusCode, Content = result.Reason, ContentType = "text/plain" };
    }
}
