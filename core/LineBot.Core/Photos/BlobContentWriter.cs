using System.Security.Cryptography;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace LineBot.Photos;

/// <summary>Content bigger than the cap: the upload was abandoned before anything was committed.</summary>
internal sealed class ContentTooLargeException(long maxBytes) : Exception($"Content exceeds {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}

/// <summary>What was written: byte count and SHA-256 (lowercase hex).</summary>
internal sealed record WrittenContent(long Size, string Sha256);

/// <summary>
/// Streams content from the wire into a block blob without ever holding it whole: blocks of 4 MiB (pooled
/// buffers), one in flight, hashed and counted on the way through. Past the cap the read throws, the upload
/// stops, and the block list is never committed, so no partial blob appears.
/// </summary>
internal static class BlobContentWriter
{
    private static readonly StorageTransferOptions Transfer = new()
    {
        InitialTransferSize = 4 * 1024 * 1024,
        MaximumTransferSize = 4 * 1024 * 1024,
        MaximumConcurrency = 1,
    };

    public const string Attachment = "attachment";

    public static async Task<WrittenContent> WriteAsync(BlobClient blob, Stream source, string contentType, long maxBytes, IDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        using var counted = new HashingCappedStream(source, maxBytes);
        await blob.UploadAsync(counted, new BlobUploadOptions
        {
            // Served as a download, never rendered inline in a browser, whoever opens a link to it.
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType, ContentDisposition = Attachment },
            TransferOptions = Transfer,
        }, cancellationToken);

        var written = new WrittenContent(counted.BytesRead, counted.Sha256Hex());
        // The hash is known only now; metadata is one small extra call.
        var all = new Dictionary<string, string>(metadata)
        {
            ["contenttype"] = contentType,
            ["size"] = written.Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sha256"] = written.Sha256,
        };
        await blob.SetMetadataAsync(all, cancellationToken: cancellationToken);
        return written;
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
