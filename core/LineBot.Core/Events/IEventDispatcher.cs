namespace LineBot.Events;

/// <summary>
/// Hands an event to the feature that owns it. The one implementation, <c>EventDispatcher</c>, lives at the composition
/// root: the pipeline depends on no feature, while features still use the pipeline's types (context, queue).
/// </summary>
internal interface IEventDispatcher
{
    Task DispatchAsync(EventContext context, CancellationToken cancellationToken);

    /// <summary>An event from someone the bot does not know, in a one-to-one chat: at most a polite answer, nothing served.</summary>
    Task AnswerStrangerAsync(EventContext context, CancellationToken cancellationToken);

    /// <summary>
    /// True when handling the event would store nothing and answer nothing (group chatter): the worker then skips the
    /// dedupe claim, because running such an event twice changes nothing; it only marks it done.
    /// </summary>
    Task<bool> IsInertAsync(EventContext context, CancellationToken cancellationToken);
}
