using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Attio;

/// <summary>
/// Stable hashes of values as they go on the wire: the same written JSON gives the same hash in every process and version
/// of .NET, so a ledger kept in a store still recognises values after a restart.
/// </summary>
internal static class LedgerHash
{
    /// <summary>The hash of the attribute's written form (<c>"slug": [...]</c>, or its clear).</summary>
    public static string Of(AttioPlanValue value)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            value.WriteProperty(writer);
            writer.WriteEndObject();
        }

        return Hex(buffer.WrittenSpan);
    }

    /// <summary>The hash of a link to the record with <paramref name="targetRecordKey"/>.</summary>
    public static string OfLink(string targetRecordKey) => Hex(Encoding.UTF8.GetBytes("link\n" + targetRecordKey));

    // 128 bits: collisions among a workspace's values are out of reach, and the store's column stays short.
    private static string Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data)[..16]);
}
