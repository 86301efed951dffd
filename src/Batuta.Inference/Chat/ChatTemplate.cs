using System.Text;

namespace Batuta.Inference.Chat;

/// <summary>
/// Renders a conversation into the prompt text a chat model was trained on. The built-in formats follow
/// llama.cpp's renderings; <see cref="Detect"/> picks one from the Jinja template a GGUF file carries
/// (<c>tokenizer.chat_template</c>), the same way llama.cpp recognises them.
/// </summary>
public abstract class ChatTemplate
{
    public static readonly IReadOnlyList<string> Names = ["llama2", "mistral", "chatml", "alpaca", "vicuna", "raw"];

    public abstract string Name { get; }

    /// <summary>Whether rendered text starts a sequence itself (then the tokenizer should not add BOS again).</summary>
    public virtual bool IncludesBos => false;

    /// <summary>Text the model emits to end its turn, used as an extra stop sequence.</summary>
    public virtual string? EndOfTurn => null;

    /// <summary>Renders <paramref name="messages"/>; with <paramref name="addAssistantPrompt"/> it ends where the assistant's reply starts.</summary>
    public abstract string Render(IReadOnlyList<ChatMessage> messages, bool addAssistantPrompt = true);

    public static ChatTemplate FromName(string name) => name.ToLowerInvariant() switch
    {
        "llama2" or "llama-2" => new Llama2Template(),
        "mistral" or "mistral-v3" => new MistralTemplate(),
        "chatml" => new ChatMlTemplate(),
        "alpaca" => new AlpacaTemplate(),
        "vicuna" => new VicunaTemplate(),
        "raw" or "none" => new RawTemplate(),
        _ => throw new ArgumentException($"unknown chat template '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
    };

    /// <summary>Recognises a Jinja chat template by its markers; null when none matches.</summary>
    public static ChatTemplate? Detect(string? jinja)
    {
        if (string.IsNullOrEmpty(jinja)) return null;
        bool Has(string s) => jinja.Contains(s, StringComparison.Ordinal);
        if (Has("<|im_start|>")) return new ChatMlTemplate();
        if (Has("[INST]"))
            return Has("<<SYS>>") ? new Llama2Template() : new MistralTemplate();
        if (Has("USER: ") && Has("ASSISTANT:")) return new VicunaTemplate();
        if (Has("### Instruction:")) return new AlpacaTemplate();
        return null;
    }

    protected static void Check(IReadOnlyList<ChatMessage> messages)
    {
        foreach (var m in messages)
            if (m.Role is not ("system" or "user" or "assistant"))
                throw new ArgumentException($"unknown chat role '{m.Role}'; use system, user or assistant");
    }
}

/// <summary>[INST] &lt;&lt;SYS&gt;&gt;\nsystem\n&lt;&lt;/SYS&gt;&gt;\n\nuser [/INST] assistant &lt;/s&gt;&lt;s&gt;[INST] ...</summary>
public sealed class Llama2Template : ChatTemplate
{
    public override string Name => "llama2";
    public override string? EndOfTurn => "</s>";

    public override string Render(IReadOnlyList<ChatMessage> messages, bool addAssistantPrompt = true)
    {
        Check(messages);
        var sb = new StringBuilder("[INST] ");
        bool insideTurn = true;
        foreach (var m in messages)
        {
            if (!insideTurn)
            {
                insideTurn = true;
                sb.Append("<s>[INST] ");
            }
            switch (m.Role)
            {
                case "system": sb.Append("<<SYS>>\n").Append(m.Content).Append("\n<</SYS>>\n\n"); break;
                case "user": sb.Append(m.Content).Append(" [/INST]"); break;
                default:
                    sb.Append(' ').Append(m.Content).Append(" </s>");
                    insideTurn = false;
                    break;
            }
        }
        return sb.ToString();
    }
}

/// <summary>[INST] system\n\nuser[/INST] assistant&lt;/s&gt;[INST] ... (Mistral instruct v3 layout).</summary>
public sealed class MistralTemplate : ChatTemplate
{
    public override string Name => "mistral";
    public override string? EndOfTurn => "</s>";

    public override string Render(IReadOnlyList<ChatMessage> messages, bool addAssistantPrompt = true)
    {
        Check(messages);
        var sb = new StringBuilder();
        bool insideTurn = false;
        foreach (var m in messages)
        {
            if (!insideTurn)
            {
                sb.Append("[INST] ");
                insideTurn = true;
            }
            switch (m.Role)
            {
                case "system": sb.Append(m.Content).Append("\n\n"); break;
                case "user": sb.Append(m.Content).Append("[/INST]"); break;
                default:
                    sb.Append(' ').Append(m.Content.Trim()).Append("</s>");
                    insideTurn = false;
                    break;
            }
        }
        return sb.ToString();
    }
}

/// <summary>&lt;|im_start|&gt;role\ncontent&lt;|im_end|&gt;\n ... &lt;|im_start|&gt;assistant\n</summary>
public sealed class ChatMlTemplate : ChatTemplate
{
    public override string Name => "chatml";
    public override string? EndOfTurn => "<|im_end|>";

    public override string Render(IReadOnlyList<ChatMessage> messages, bool addAssistantPrompt = true)
    {
        Check(messages);
        var sb = new StringBuilder();
        foreach (var m in messages) sb.Append("<|im_start|>").Append(m.Role).Append('\n').Append(m.Content).Append("<|im_end|>\n");
        if (addAssistantPrompt) sb.Append("<|im_start|>assistant\n");
        return sb.ToString();
    }
}

/// <summary>system\n\n### Instruction:\nuser\n\n### Response:\nassistant\n\n ...</summary>
public sealed class AlpacaTemplate : ChatTemplate
{
    public override string Name => "alpaca";
    public override string? EndOfTurn => "### Instruction:";

    public override string Render(IReadOnlyList<ChatMessage> messages, bool addAssistantPrompt = true)
    {
        Check(messages);
        var sb = new StringBuilder();
        foreach (var m in messages)
        {
            switch (m.Role)
            {
                case "system": sb.Append(m.Content).Append("\n\n"); break;
                case "user": sb.Append("### Instruction:\n").Append(m.Content).Append("\n\n"); break;
                default: sb.Append("### Response:\n").Append(m.Content).Append("\n\n"); break;
            }
        }
        if (addAssistantPrompt) sb.Append("### Response:\n");
        return sb.ToString();
    }
}

/// <summary>system\nUSER: user\nASSISTANT: assistant&lt;/s&gt;\n ... ASSISTANT:</summary>
public sealed class VicunaTemplate : ChatTemplate
{
    public override string Name => "vicuna";
    public override string? EndOfTurn => "</s>";

    public override string Render(IReadOnlyList<ChatMessage> messages, bool addAssistantPrompt = true)
    {
        Check(messages);
        var sb = new StringBuilder();
        foreach (var m in messages)
        {
            switch (m.Role)
            {
                case "system": sb.Append(m.Content).Append('\n'); break;
                case "user": sb.Append("USER: ").Append(m.Content).Append('\n'); break;
                default: sb.Append("ASSISTANT: ").Append(m.Content).Append("</s>\n"); break;
            }
        }
        if (addAssistantPrompt) sb.Append("ASSISTANT:");
        return sb.ToString();
    }
}

/// <summary>The messages' text joined by newlines, unchanged: for base models and hand-made prompts.</summary>
public sealed class RawTemplate : ChatTemplate
{
    public override string Name => "raw";

    public override string Render(IReadOnlyList<ChatMessage> messages, bool addAssistantPrompt = true)
    {
        Check(messages);
        return string.Join("\n", messages.Select(m => m.Content));
    }
}
