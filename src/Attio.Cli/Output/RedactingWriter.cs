using System.Text;

namespace Attio.Cli.Output;

/// <summary>
/// Replaces every known secret with <c>***</c> before text reaches the real stream. The commands never print the
/// token on purpose; this is the guarantee for the paths they do not control (a parse error echoing a mistyped
/// argument, an exception message from a library). Text is held back until a line ends or the writer is flushed,
/// so that a secret split across several Write calls is still caught.
/// </summary>
public sealed class RedactingWriter(TextWriter inner) : TextWriter
{
    private const string Mask = "***";
    private readonly StringBuilder _pending = new();
    private readonly List<string> _secrets = [];
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <summary>Adds a value that must never be written. Values shorter than 4 characters are ignored (they would mask ordinary text).</summary>
    public void AddSecret(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Trim().Length < 4)
        {
            return;
        }

        lock (_gate)
        {
            foreach (var value in new[] { secret, secret.Trim() })
            {
                if (!_secrets.Contains(value))
                {
                    _secrets.Add(value);
                }
            }

            // Longest first, so that a secret containing another is masked whole.
            _secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
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
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        inner.Write(text);
    }
}
