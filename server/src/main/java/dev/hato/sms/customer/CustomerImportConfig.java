package dev.hato.sms.customer;

import dev.hato.sms.web.UploadLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class CustomerImportConfig {

    /** The import's body: the file (sms.import.max-bytes) and its multipart envelope. */
    @Bean
    UploadLimit customerImportUpload(@Value("${sms.import.max-bytes:10MB}") DataSize maxBytes) {
        return new UploadLimit("/api/customers/import", maxBytes.toBytes() + 64 * 1024);
    }
}
