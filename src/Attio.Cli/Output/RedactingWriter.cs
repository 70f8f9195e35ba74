using System.Text;

namespace Attio.Cli.Output;

/// <summary>
/// Masks every known secret with <c>***</c> before text reaches the real stream. The commands never print the token on
/// purpose; this is the guarantee for the paths they do not control (a parse error echoing a mistyped argument, an
/// exception message from a library). Text is held back until a line ends or the writer is flushed, so that a secret
/// split across several Write calls is still caught. See <see cref="SecretMasker"/> for where a secret counts as present.
/// </summary>
public sealed class RedactingWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _pending = new();
    private readonly SecretMasker _masker = new();
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <summary>Adds a value that must never be written (see <see cref="SecretMasker.Add"/>).</summary>
    public void AddSecret(string? secret)
    {
        lock (_gate)
        {
            _masker.Add(secret);
        }
    }
    /// <inheritdoc />
    public override void Write(char value)
    {
        lock (_gate)
        {
            _pending.Append(value);
            if (value == '\n')
            {
                FlushPending();
            }
        }
    }

    /// <inheritdoc />
    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        lock (_gate)
        {
            _pending.Append(value);
            if (value.Contains('\n', StringComparison.Ordinal))
            {
                FlushPending();
            }
        }
    }

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    /// <inheritdoc />
    public override void Flush()
    {
        lock (_gate)
        {
            FlushPending();
            inner.Flush();
        }
    }

    /// <inheritdoc />
    public override Task FlushAsync()
    {
        Flush();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void FlushPending()
    {
        if (_pending.Length == 0)
        {
            return;
        }

        string text = _pending.ToString();
        _pending.Clear();
        inner.Write(_masker.Mask(text));
    }
}
