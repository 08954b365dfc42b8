using Microsoft.Extensions.Logging;

namespace LineBot.Benchmarks;

/// <summary>
/// Warnings and errors to stderr (the first 200), so that a benchmark that stalls says why; and a count of the
/// worker's "event processed" lines (2009, Debug), which are counted, never formatted.
/// </summary>
internal sealed class WarningConsoleLogger : ILoggerProvider, ILogger
{
    private const int ProcessedEventId = 2009;
    private int _written;
    private int _processed;

    public int Processed => Volatile.Read(ref _processed);

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id == ProcessedEventId)
        {
            Interlocked.Increment(ref _processed);
        }
        else if (logLevel >= LogLevel.Warning && Interlocked.Increment(ref _written) <= 200)
        {
            Console.Error.WriteLine($"{logLevel} {eventId.Id}: {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}");
        }
    }

    public void Dispose()
    {
    }
}
