using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace LineBot.Photos;

/// <summary>Content bigger than the cap: the upload was abandoned before anything was committed.</summary>
internal sealed class ContentTooLargeException(long maxBytes) : Exception($"Content exceeds {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}

/// <summary>What was written: byte count and SHA-256 (lowercase hex).</summary>
internal sealed record WrittenContent(long Size, string Sha256);

/// <summary>
/// Streams content from the wire into a block blob without ever holding it whole: blocks of 4 MiB (one pooled
/// buffer), one in flight, hashed and counted on the way through. Content under one block (photos) is one call with
/// its headers and metadata; larger content is staged and committed with them. Past the cap the read throws, the
/// upload stops, and the block list is never committed, so no partial blob appears.
/// </summary>
internal static class BlobContentWriter
{
    private const int BlockSize = 4 * 1024 * 1024;

    public const string Attachment = "attachment";

    public static async Task<WrittenContent> WriteAsync(BlobClient blob, Stream source, string contentType, long maxBytes, IDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        using var counted = new HashingCappedStream(source, maxBytes);
        // Served as a download, never rendered inline in a browser, whoever opens a link to it.
        var headers = new BlobHttpHeaders { ContentType = contentType, ContentDisposition = Attachment };
        var block = blob.GetParentBlobContainerClient().GetBlockBlobClient(blob.Name);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            var ids = new List<string>();
            while (true)
            {
                var filled = await FillAsync(counted, buffer, cancellationToken);
                if (filled < BlockSize && ids.Count == 0)
                {
                    // All of it in one block (a photo): one call puts it with its headers and metadata, hash included.
                    using var whole = new MemoryStream(buffer, 0, filled, writable: false);
                    var written = new WrittenContent(counted.BytesRead, counted.Sha256Hex());
                    await block.UploadAsync(whole, new BlobUploadOptions { HttpHeaders = headers, Metadata = WithHash(metadata, contentType, written) }, cancellationToken);
                    return written;
                }

                if (filled > 0)
                {
                    var id = Convert.ToBase64String(BitConverter.GetBytes(ids.Count + 1L));
                    using var part = new MemoryStream(buffer, 0, filled, writable: false);
                    await block.StageBlockAsync(id, part, cancellationToken: cancellationToken);
                    ids.Add(id);
                }

                if (filled < BlockSize)
                {
                    // Larger content: the block list is committed only now, with the hash known, so no partial blob appears.
                    var written = new WrittenContent(counted.BytesRead, counted.Sha256Hex());
                    await block.CommitBlockListAsync(ids, new CommitBlockListOptions { HttpHeaders = headers, Metadata = WithHash(metadata, contentType, written) }, cancellationToken);
                    return written;
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Dictionary<string, string> WithHash(IDictionary<string, string> metadata, string contentType, WrittenContent written) => new(metadata)
    {
        ["contenttype"] = contentType,
        ["size"] = written.Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["sha256"] = written.Sha256,
    };

    // Reads until the block is full or the content ends, in small reads so that the cap stops the download early.
    private static async Task<int> FillAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        const int chunk = 80 * 1024;
        var filled = 0;
        int read;
        while (filled < BlockSize && (read = await source.ReadAsync(buffer.AsMemory(filled, Math.Min(chunk, BlockSize - filled)), cancellationToken)) > 0)
        {
            filled += read;
        }

        return filled;
    }

    /// <summary>A read-only pass-through that hashes and counts, and refuses to go past the cap.</summary>
    private sealed class HashingCappedStream(Stream inner, long maxBytes) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public string Sha256Hex()
        {
            Span<byte> digest = stackalloc byte[32];
            _hash.GetHashAndReset(digest);
            return Convert.ToHexStringLower(digest);
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            return Count(buffer[..n]);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken);
            return Count(buffer.Span[..n]);
        }

        private int Count(ReadOnlySpan<byte> data)
        {
            BytesRead += data.Length;
            if (BytesRead > maxBytes)
            {
                throw new ContentTooLargeException(maxBytes);
            }

            _hash.AppendData(data);
            return data.Length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
