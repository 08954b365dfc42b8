namespace LineBot.Photos;

/// <summary>
/// The bytes already read to check a body's type, then the rest of the body still on the wire: read-only,
/// forward-only, so the content is checked and stored in one pass without holding it whole.
/// </summary>
internal sealed class PrefixedStream(byte[] head, Stream rest) : Stream
{
    private int _headRead;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_headRead < head.Length)
        {
            return FromHead(buffer);
        }

        return rest.Read(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _headRead < head.Length ? ValueTask.FromResult(FromHead(buffer.Span)) : rest.ReadAsync(buffer, cancellationToken);

    private int FromHead(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, head.Length - _headRead);
        head.AsSpan(_headRead, n).CopyTo(buffer);
        _headRead += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
