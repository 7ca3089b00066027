package cn.canbao.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CanbaoHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(CanbaoHubApplication.class, args);
    }
}
