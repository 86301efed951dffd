using Batuta.Inference.Chat;

namespace Batuta.Inference.Tests.Chat;

public sealed class ChatTemplateTests
{
    private static readonly ChatMessage[] Conversation =
    [
        ChatMessage.System("Be brief."),
        ChatMessage.User("Hi"),
        ChatMessage.Assistant("Hello!"),
        ChatMessage.User("Name a color."),
    ];

    [Theory]
    [InlineData("llama2", "[INST] <<SYS>>\nBe brief.\n<</SYS>>\n\nHi [/INST] Hello! </s><s>[INST] Name a color. [/INST]")]
    [InlineData("mistral", "[INST] Be brief.\n\nHi[/INST] Hello!</s>[INST] Name a color.[/INST]")]
    [InlineData("chatml", "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello!<|im_end|>\n<|im_start|>user\nName a color.<|im_end|>\n<|im_start|>assistant\n")]
    [InlineData("alpaca", "Be brief.\n\n### Instruction:\nHi\n\n### Response:\nHello!\n\n### Instruction:\nName a color.\n\n### Response:\n")]
    [InlineData("vicuna", "Be brief.\nUSER: Hi\nASSISTANT: Hello!</s>\nUSER: Name a color.\nASSISTANT:")]
    [InlineData("raw", "Be brief.\nHi\nHello!\nName a color.")]
    public void RendersConversations(string name, string expected)
    {
        var template = ChatTemplate.FromName(name);
        Assert.Equal(name, template.Name);
        Assert.Equal(expected, template.Render(Conversation));
    }

    [Theory]
    [InlineData("{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}", "chatml")]
    [InlineData("{% if messages[0]['role'] == 'system' %}{% set system_message = '<<SYS>>\\n' + messages[0]['content'] | trim + '\\n<</SYS>>\\n\\n' %}{% endif %}{{ bos_token + '[INST] ' + content | trim + ' [/INST]' }}", "llama2")]
    [InlineData("{{ bos_token }}{% for message in messages %}{% if message['role'] == 'user' %}{{ '[INST] ' + message['content'] + ' [/INST]' }}{% else %}{{ message['content'] + eos_token}}{% endif %}{% endfor %}", "mistral")]
    [InlineData("{% for m in messages %}{% if m.role == 'user' %}USER: {{ m.content }}\\n{% else %}ASSISTANT: {{ m.content }}</s>{% endif %}{% endfor %}", "vicuna")]
    [InlineData("Below is an instruction. ### Instruction:\\n{{ instruction }}\\n\\n### Response:", "alpaca")]
    public void DetectsTemplatesFromTheirJinjaSource(string jinja, string expected)
    {
        Assert.Equal(expected, ChatTemplate.Detect(jinja)?.Name);
    }

    [Fact]
    public void UnknownTemplatesAndRolesAreReported()
    {
        Assert.Null(ChatTemplate.Detect("{{ something else }}"));
        Assert.Null(ChatTemplate.Detect(null));
        Assert.Throws<ArgumentException>(() => ChatTemplate.FromName("nope"));
        Assert.Throws<ArgumentException>(() => ChatTemplate.FromName("chatml").Render([new ChatMessage("tool", "x")]));
    }
}
