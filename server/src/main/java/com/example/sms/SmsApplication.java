package com.example.sms;

import com.example.sms.cli.CommandLineTasks;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SmsApplication {

    public static void main(String[] args) {
        if (CommandLineTasks.isTask(args)) {
            System.exit(CommandLineTasks.run(args));
        }
        SpringApplication.run(SmsApplication.class, args);
    }
}
