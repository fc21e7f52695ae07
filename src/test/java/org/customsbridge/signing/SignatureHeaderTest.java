package org.customsbridge.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SignatureHeaderTest {

    @Test
    void formatsTheAlipayPlusHeader() {
        SignatureHeader header = new SignatureHeader(SignatureHeader.RSA256, "1", "abc%2Bdef%3D%3D");

        assertThat(header.format()).isEqualTo("algorithm=RSA256,keyVersion=1,signature=abc%2Bdef%3D%3D");
    }

    @Test
    void parseOfFormatIsTheSameHeader() {
        SignatureHeader header = new SignatureHeader(SignatureHeader.RSA256, "2", "KrwDE9tAPJYBb%2F%2Bq%3D%3D");

        assertThat(SignatureHeader.parse(header.format())).contains(header);
    }

    @Test
    void parsesWithSpacesAndInAnyOrder() {
        Optional<SignatureHeader> parsed = SignatureHeader.parse(" signature=xyz%3D , keyVersion=3, algorithm=RSA256 ");

        assertThat(parsed).contains(new SignatureHeader("RSA256", "3", "xyz%3D"));
    }

    @Test
    void keepsEqualsSignsInsideTheSignatureValue() {
        // a signature that was not URL-encoded still ends in '=': everything after the first '=' is the value
        assertThat(SignatureHeader.parse("algorithm=RSA256,keyVersion=1,signature=abc=="))
                .contains(new SignatureHeader("RSA256", "1", "abc=="));
    }

    @Test
    void ignoresUnknownPartsAndPartsWithoutValue() {
        assertThat(SignatureHeader.parse("algorithm=RSA256,junk,extra=1,signature=s"))
                .contains(new SignatureHeader("RSA256", null, "s"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "algorithm=RSA256,keyVersion=1", "algorithm=RSA256,keyVersion=1,signature=",
            "algorithm=RSA256,keyVersion=1,signature=  ", "garbage"})
    void missingSignatureIsEmpty(String header) {
        assertThat(SignatureHeader.parse(header)).isEmpty();
    }
}
