package dev.strata.cli.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Buffers a line at a time and masks secrets in it before passing it on. */
public final class MaskingOutputStream extends OutputStream {
    private final OutputStream target;
    private final SecretMasker masker;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    public MaskingOutputStream(OutputStream target, SecretMasker masker) {
        this.target = target;
        this.masker = masker;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    /**
     * Passes on the partial line too (progress output flushes mid-line), except a tail that masking may need whole
     * (a credential context, the start of a secret): that waits for the rest of the line.
     */
    @Override
    public synchronized void flush() throws IOException {
        String text = line.toString(StandardCharsets.UTF_8);
        int held = masker.heldBackLength(text);
        if (held < text.length()) {
            line.reset();
            target.write(masker.mask(text.substring(0, text.length() - held)).getBytes(StandardCharsets.UTF_8));
            line.write(text.substring(text.length() - held).getBytes(StandardCharsets.UTF_8));
        }
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        emit();
        target.flush();
    }

    private void emit() throws IOException {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        target.write(masker.mask(text).getBytes(StandardCharsets.UTF_8));
    }
}
