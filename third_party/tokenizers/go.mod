module github.com/daulet/tokenizers

go 1.24

require github.com/sugarme/tokenizer v0.3.0
