namespace LineBot.Events;

/// <summary>
/// Hands an event to the feature that owns it. The one implementation, <c>EventDispatcher</c>, lives at the composition
/// root: the pipeline depends on no feature, while features still use the pipeline's types (context, queue).
/// </summary>
internal interface IEventDispatcher
{
    Task DispatchAsync(EventContext context, CancellationToken cancellationToken);
}
